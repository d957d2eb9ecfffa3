package dev.blastradius.lang.ts;

import org.junit.jupiter.api.Test;

/**
 * Calls propagate across files by imported binding: ES imports and exports, tsconfig aliases,
 * barrels, default exports, CommonJS and class members. Test files are entry points, so a {@code
 * @test} marker shows that a call path was found.
 */
class ModuleGraphTest {

  private static final String DB =
      """
      import { Pool } from 'pg';
      const pool = new Pool();

      export async function findName(id: number) {
        // expect: read users.name @test, read users.id @test
        return pool.query('SELECT name FROM users WHERE id = $1', [id]);
      }

      // expect: read users.email @test
      export const findEmail = async () => pool.query('SELECT email FROM users');

      export default async function count() {
        // expect: read users.* @test
        return pool.query('SELECT count(*) FROM users');
      }

      // expect: read users.email @none
      export const unused = () => pool.query('SELECT email FROM users');
      """;

  @Test
  void positive_aliasesBarrelsDefaultAndNamedImportsReachAccesses() {
    RawSqlTest.withUsers()
        .source(
            "tsconfig.json",
            """
            { "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }
            """)
        .source("src/lib/db/users.ts", DB)
        .source(
            "src/lib/db/index.ts",
            "export * from './users';\nexport { default as countUsers } from './users';\n")
        .source(
            "src/lib/users.test.ts",
            """
            import { findName, countUsers } from '@/lib/db';
            import * as users from '@/lib/db/users';
            import total from '../lib/db/users.js';

            test('names', async () => {
              await findName(1);
              await users.findEmail();
              await total();
              await countUsers();
            });
            """)
        .doTest();
  }

  @Test
  void positive_commonJsRequireAndModuleExports() {
    RawSqlTest.withUsers()
        .source(
            "lib/repo.js",
            """
            const { Pool } = require('pg');
            const pool = new Pool();

            function byId(id) {
              // expect: read users.name @test, read users.id @test
              return pool.query('SELECT name FROM users WHERE id = $1', [id]);
            }

            module.exports = {
              byId,
              async emails() {
                // expect: read users.email @test
                return pool.query('SELECT email FROM users');
              },
            };
            """)
        .source(
            "lib/remove.js",
            """
            const { Pool } = require('pg');
            module.exports = async function remove(id) {
              // expect: write users.* @test, read users.id @test
              return new Pool().query('DELETE FROM users WHERE id = $1', [id]);
            };
            """)
        .source(
            "test/repo.test.js",
            """
            const repo = require('../lib/repo');
            const { emails } = require('../lib/repo');
            const remove = require('../lib/remove');

            it('works', async () => {
              await repo.byId(1);
              await emails();
              await remove(2);
            });
            """)
        .doTest();
  }

  @Test
  void positive_classMembersThroughConstructorParametersAndThis() {
    RawSqlTest.withUsers()
        .source(
            "src/users/users.service.ts",
            """
            import { Pool } from 'pg';

            export class UsersService {
              constructor(private readonly pool: Pool) {}

              async rename(id: number, name: string) {
                return this.write(id, name);
              }

              private async write(id: number, name: string) {
                // expect: write users.name @test, read users.id @test
                await this.pool.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
              }
            }
            """)
        .source(
            "src/users/users.controller.ts",
            """
            import { UsersService } from './users.service';

            export class UsersController {
              constructor(private readonly users: UsersService) {}

              update(id: number, name: string) {
                return this.users.rename(id, name);
              }
            }
            """)
        .source(
            "src/users/users.controller.spec.ts",
            """
            import { UsersController } from './users.controller';

            describe('UsersController', () => {
              it('renames', () => {
                const controller = new UsersController({} as never);
                controller.update(1, 'x');
              });
            });
            """)
        .doTest();
  }

  @Test
  void negative_unrelatedFunctionsWithTheSameNameAreNotConfused() {
    RawSqlTest.withUsers()
        .source(
            "src/a.ts",
            """
            import { Pool } from 'pg';
            export function load() {
              // expect: read users.name @none
              return new Pool().query('SELECT name FROM users');
            }
            """)
        .source(
            "src/b.ts",
            """
            export function load() {
              return 1;
            }
            """)
        .source(
            "src/b.test.ts",
            """
            import { load } from './b';
            test('b', () => load());
            """)
        .doTest();
  }
}
