import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** The OpenAPI 3.1 document of the running API and its reference page (ADR 0014). */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
