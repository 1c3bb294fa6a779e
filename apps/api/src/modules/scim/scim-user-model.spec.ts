import { ScimError } from '../../common/scim-error-response';
import { parseScimFilter, parseScimPath } from './scim-filter';
import { applyUserPatch, fieldsFromInput, splitName } from './scim-user-model';
import { slugOf } from './scim.service';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const current = { email: 'jane@example.com', name: 'Jane Doe', active: true, externalId: null };

describe('SCIM filters and paths', () => {
  it('parses eq comparisons, case-insensitively, with escaped quotes', () => {
    expect(parseScimFilter('userName eq "a@b.c"', ['username'])).toEqual({ attribute: 'username', value: 'a@b.c' });
    expect(parseScimFilter('USERNAME EQ "say \\"hi\\""', ['username'])).toEqual({ attribute: 'username', value: 'say "hi"' });
    expect(parseScimFilter('primary eq true', ['primary'])).toEqual({ attribute: 'primary', value: true });
  });

  it('refuses other operators, logical expressions and unlisted attributes with invalidFilter', () => {
    for (const f of ['userName co "a"', 'userName eq "a" and active eq true', 'userName', 'password eq "x"', 'userName eq a']) {
      expect(() => parseScimFilter(f, ['username'])).toThrow(ScimError);
      try {
        parseScimFilter(f, ['username']);
      } catch (e) {
        expect((e as ScimError).scimType).toBe('invalidFilter');
      }
    }
  });

  it('parses attribute paths with value filters, sub-attributes and schema URNs', () => {
    expect(parseScimPath('emails[type eq "work"].value', [USER])).toEqual({ schema: null, attribute: 'emails', filter: { attribute: 'type', value: 'work' }, sub: 'value' });
    expect(parseScimPath(`${USER}:name.givenName`, [USER])).toEqual({ schema: USER.toLowerCase(), attribute: 'name', filter: null, sub: 'givenname' });
    expect(parseScimPath(`${ENTERPRISE}:department`, [USER, ENTERPRISE]).schema).toBe(ENTERPRISE.toLowerCase());
    expect(() => parseScimPath('a b', [USER])).toThrow(ScimError);
  });
});

describe('SCIM user mapping', () => {
  it('takes the e-mail from userName, else the primary e-mail, lower-cased', () => {
    expect(fieldsFromInput({ schemas: [USER], userName: 'Jane@Example.com' } as never).email).toBe('jane@example.com');
    expect(fieldsFromInput({ schemas: [USER], userName: 'jdoe', emails: [{ value: 'other@example.com' }, { value: 'J@Example.com', primary: true }] } as never).email).toBe('j@example.com');
    expect(() => fieldsFromInput({ schemas: [USER], userName: 'jdoe' } as never)).toThrow(ScimError);
  });

  it('names the user from displayName, else formatted, else given + family, else the address', () => {
    expect(fieldsFromInput({ schemas: [USER], userName: 'a@b.co', displayName: 'D', name: { givenName: 'G', familyName: 'F' } } as never).name).toBe('D');
    expect(fieldsFromInput({ schemas: [USER], userName: 'a@b.co', name: { formatted: 'Fo', givenName: 'G' } } as never).name).toBe('Fo');
    expect(fieldsFromInput({ schemas: [USER], userName: 'a@b.co', name: { givenName: 'G', familyName: 'F' } } as never).name).toBe('G F');
    expect(fieldsFromInput({ schemas: [USER], userName: 'a@b.co' } as never).name).toBe('a');
    expect(splitName('Mary Ann Smith')).toEqual({ givenName: 'Mary Ann', familyName: 'Smith' });
  });

  it('applies Okta and Entra ID patches', () => {
    expect(applyUserPatch(current, [{ op: 'replace', value: { active: false } }]).active).toBe(false);
    expect(applyUserPatch(current, [{ op: 'replace', path: 'active', value: 'False' }]).active).toBe(false);
    const entra = applyUserPatch(current, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'New@Example.com' },
      { op: 'replace', path: 'name.familyName', value: 'Smith' },
      { op: 'add', path: `${ENTERPRISE}:department`, value: 'x' },
      { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '1' },
    ]);
    expect(entra).toEqual({ email: 'new@example.com', name: 'Jane Smith', active: true, externalId: null });
    expect(applyUserPatch(current, [{ op: 'add', value: { 'name.givenName': 'J', externalId: 'e1' } }])).toMatchObject({ name: 'J Doe', externalId: 'e1' });
    expect(applyUserPatch(current, [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'home@example.com' }]).email).toBe('jane@example.com');
  });

  it('refuses unknown paths, read-only attributes and removing what a user needs', () => {
    const scimType = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ScimError).scimType;
      }
      return 'no error';
    };
    expect(scimType(() => applyUserPatch(current, [{ op: 'replace', path: 'role', value: 'owner' }]))).toBe('invalidPath');
    expect(scimType(() => applyUserPatch(current, [{ op: 'add', path: 'groups', value: [] }]))).toBe('mutability');
    expect(scimType(() => applyUserPatch(current, [{ op: 'remove', path: 'userName' }]))).toBe('mutability');
    expect(scimType(() => applyUserPatch(current, [{ op: 'remove' }]))).toBe('noTarget');
    expect(scimType(() => applyUserPatch(current, [{ op: 'replace', path: 'userName', value: 'not-an-email' }]))).toBe('invalidValue');
  });

  it('derives group slugs from display names', () => {
    expect(slugOf('Engineering Team')).toBe('engineering-team');
    expect(slugOf('Équipe R&D')).toBe('equipe-r-d');
    expect(slugOf('!!!')).toBe('group');
  });
});
