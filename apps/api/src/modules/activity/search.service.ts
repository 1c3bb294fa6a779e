import { Injectable } from '@nestjs/common';
import type { SearchOutput } from '@airlock/contracts';
import type { Role } from '../../generated/prisma/enums';
import { type Permission, roleHas } from '../auth/permissions';
import { SearchRepository } from './search.repository';

const PER_KIND = 5;

/**
 * One search box for the console's app bar: AI services, rules, incidents, users and API clients
 * whose names (or ids, e-mails, incident numbers) contain the text. Each kind only for a role that
 * may read it; at most five of each, so the answer stays small whatever the organization's size.
 */
@Injectable()
export class SearchService {
  constructor(private readonly repo: SearchRepository) {}

  async search(organizationId: string, role: Role, q: string): Promise<SearchOutput> {
    const may = (p: Permission) => roleHas(role, p);
    const none = Promise.resolve([]);
    const [services, rules, incidents, users, apiClients] = await Promise.all([
      may('catalog.read') ? this.repo.services(organizationId, q, PER_KIND) : none,
      may('policy.read') ? this.repo.rules(organizationId, q, PER_KIND) : none,
      may('incidents.read') ? this.repo.incidents(organizationId, q, PER_KIND) : none,
      may('users.read') ? this.repo.users(organizationId, q, PER_KIND) : none,
      may('apiClients.read') ? this.repo.apiClients(organizationId, q, PER_KIND) : none,
    ]);
    return { services, rules, incidents, users, apiClients };
  }
}
