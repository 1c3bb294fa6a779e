import { Global, Module } from '@nestjs/common';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { ApiKeyRegistry } from './api-key-registry.service';

@Global()
@Module({
  controllers: [ApiClientsController],
  providers: [ApiKeyRegistry, ApiClientsService],
  exports: [ApiKeyRegistry],
})
export class ApiClientsModule {}
