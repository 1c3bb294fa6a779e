import { Module } from '@nestjs/common';
import { UserSessionsController } from './user-sessions.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';

@Module({
  imports: [AuditModule, AuthModule], controllers: [UsersController, UserSessionsController], providers: [UsersRepository, UsersService] })
export class UsersModule {}
