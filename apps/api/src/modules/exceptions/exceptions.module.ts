import { Global, Module } from '@nestjs/common';
import { ExceptionRuntime } from './exception-runtime.service';
import { ExceptionsController } from './exceptions.controller';
import { ExceptionsRepository } from './exceptions.repository';
import { ExceptionsService } from './exceptions.service';

@Global()
@Module({
  controllers: [ExceptionsController],
  providers: [ExceptionsRepository, ExceptionsService, ExceptionRuntime],
  exports: [ExceptionRuntime],
})
export class ExceptionsModule {}
