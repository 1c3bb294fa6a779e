import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountService } from './account.service';
import { ApiKeyGate } from './api-key-gate';
import { AuthController } from './auth.controller';
import { ExtensionIdentityController } from './extension-identity.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { MfaController } from './mfa/mfa.controller';
import { MfaRepository } from './mfa/mfa.repository';
import { MfaService } from './mfa/mfa.service';
import { PendingSignInService } from './mfa/pending-sign-in.service';
import { PasswordPolicy } from './password-policy.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SessionsController } from './sessions.controller';
import { DnsTxtResolver } from './sso/dns-txt';
import { FederatedSignIn } from './sso/federated-sign-in.service';
import { SamlMetadataFetcher } from './sso/saml-metadata-fetcher';
import { SamlSignInService } from './sso/saml-sign-in.service';
import { SsoConnectionRepository } from './sso/sso-connection.repository';
import { SsoDomainsRepository } from './sso/sso-domains.repository';
import { SsoDomainsService } from './sso/sso-domains.service';
import { SsoConnectionService } from './sso/sso-connection.service';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { SsoStateSealer } from './sso/sso-state-cookie';
import { SsoConnectionController, SsoController, SsoDomainsController } from './sso/sso.controllers';
import { UserTokenRepository } from './user-token.repository';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { AuditModule } from '../audit/audit.module';
import { BackgroundJobsModule } from '../../common/background-jobs';
import { SsoDomainRecheck } from './sso/sso-domain-recheck';
import { MailModule } from '../mail/mail.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SecretsModule } from '../secrets/secrets.module';
import { RateLimitSharing } from '../../common/rate-limit-sharing';

@Module({
  imports: [ApiClientsModule, AuditModule, BackgroundJobsModule, MailModule, MetricsModule, SecretsModule, PassportModule.register({ session: false })],
  controllers: [AuthController, SessionsController, MfaController, SsoController, SsoConnectionController, SsoDomainsController, ExtensionIdentityController],
  providers: [
    SessionRepository,
    SessionService,
    AuthRepository,
    AuthService,
    LoginThrottleRepository,
    LoginThrottleService,
    LocalStrategy,
    UserTokenRepository,
    AccountService,
    PasswordPolicy,
    SsoConnectionRepository,
    SsoStateSealer,
    FederatedSignIn,
    SsoSignInService,
    SamlSignInService,
    SamlMetadataFetcher,
    SsoConnectionService,
    SsoDomainsRepository,
    SsoDomainsService,
    SsoDomainRecheck,
    DnsTxtResolver,
    ApiKeyGate,
    RateLimitSharing,
    MfaRepository,
    MfaService,
    PendingSignInService,
  ],
  exports: [SessionService, AuthService, AccountService, PasswordPolicy, ApiKeyGate, PendingSignInService, RateLimitSharing],
})
export class AuthModule {}
