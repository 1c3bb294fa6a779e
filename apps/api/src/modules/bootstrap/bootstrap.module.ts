import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { BootstrapService } from './bootstrap.service';
import { DemoDataService } from './demo-data.service';

@Global()
@Module({ imports: [CatalogModule], providers: [BootstrapService, DemoDataService], exports: [BootstrapService, DemoDataService] })
export class BootstrapModule {}
