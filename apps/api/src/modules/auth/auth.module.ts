import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountService } from './account.service';
import { ApiKeyGate } from './api-key-gate';
import { AuthController } from './auth.controller';
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
import { SsoConnectionRepository } from './sso/sso-connection.repository';
import { SsoConnectionService } from './sso/sso-connection.service';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { SsoStateSealer } from './sso/sso-state-cookie';
import { SsoConnectionController, SsoController } from './sso/sso.controllers';
import { UserTokenRepository } from './user-token.repository';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SecretsModule } from '../secrets/secrets.module';

@Module({
  imports: [ApiClientsModule, AuditModule, MailModule, MetricsModule, SecretsModule, PassportModule.register({ session: false })],
  controllers: [AuthController, SessionsController, MfaController, SsoController, SsoConnectionController],
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
    SsoSignInService,
    SsoConnectionService,
    ApiKeyGate,
    MfaRepository,
    MfaService,
    PendingSignInService,
  ],
  exports: [SessionService, AuthService, AccountService, PasswordPolicy, ApiKeyGate, PendingSignInService],
})
export class AuthModule {}
