import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountService } from './account.service';
import { ApiKeyGate } from './api-key-gate';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordPolicy } from './password-policy.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SsoConnectionRepository } from './sso/sso-connection.repository';
import { SsoConnectionService } from './sso/sso-connection.service';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { SsoStateSealer } from './sso/sso-state-cookie';
import { SsoConnectionController, SsoController } from './sso/sso.controllers';
import { UserTokenRepository } from './user-token.repository';

@Global()
@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AuthController, SsoController, SsoConnectionController],
  providers: [
    SessionRepository,
    SessionService,
    AuthService,
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
  ],
  exports: [SessionService, AuthService, AccountService, PasswordPolicy, ApiKeyGate],
})
export class AuthModule {}
