import { Module } from '@nestjs/common';
import { PortalToolsController, ToolRequestsController } from './tool-requests.controller';
import { ToolsService } from './tools.service';

@Module({ controllers: [PortalToolsController, ToolRequestsController], providers: [ToolsService] })
export class PortalModule {}
