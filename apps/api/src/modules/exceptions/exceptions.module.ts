import { Module } from '@nestjs/common';
import { ExceptionRuntime } from './exception-runtime.service';
import { ExceptionsController } from './exceptions.controller';
import { ExceptionsRepository } from './exceptions.repository';
import { ExceptionsService } from './exceptions.service';
import { AuditModule } from '../audit/audit.module';
import { SecretsModule } from '../secrets/secrets.module';
import { BackgroundJobsModule } from '../../common/background-jobs';

/** Time-limited exceptions: the console's API and the in-memory copy the decision path honours. */
@Module({
  imports: [BackgroundJobsModule, AuditModule, SecretsModule],
  controllers: [ExceptionsController],
  providers: [ExceptionsRepository, ExceptionsService, ExceptionRuntime],
  exports: [ExceptionRuntime],
})
export class ExceptionsModule {}
