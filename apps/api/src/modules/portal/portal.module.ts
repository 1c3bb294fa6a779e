import { Module } from '@nestjs/common';
import { PortalToolsController, ToolRequestsController } from './tool-requests.controller';
import { PortalRepository } from './portal.repository';
import { ToolRequestsService } from './tool-requests.service';
import { ToolsService } from './tools.service';

@Module({ controllers: [PortalToolsController, ToolRequestsController], providers: [ToolsService, ToolRequestsService, PortalRepository] })
export class PortalModule {}
