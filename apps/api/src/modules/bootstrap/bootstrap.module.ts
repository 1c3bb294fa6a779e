import { Global, Module } from '@nestjs/common';
import { BootstrapService } from './bootstrap.service';
import { DemoDataService } from './demo-data.service';

@Global()
@Module({ providers: [BootstrapService, DemoDataService], exports: [BootstrapService, DemoDataService] })
export class BootstrapModule {}
