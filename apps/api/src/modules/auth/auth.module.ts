import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AuthController],
  providers: [SessionRepository, SessionService, AuthService, LoginThrottleService, LocalStrategy],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
