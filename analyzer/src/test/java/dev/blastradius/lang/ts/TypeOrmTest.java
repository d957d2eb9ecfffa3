package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** TypeORM: entity mappings in another file, repositories, managers and query builders. */
class TypeOrmTest {

  private static final String ENTITIES =
      """
      import { Entity, Column, PrimaryGeneratedColumn, CreateDateColumn, UpdateDateColumn,
        DeleteDateColumn, ManyToOne, OneToMany, JoinColumn } from 'typeorm';

      export abstract class Stamped {
        @CreateDateColumn({ name: 'created_at' })
        createdAt: Date;
        @UpdateDateColumn({ name: 'updated_at' })
        updatedAt: Date;
      }

      export class Address {
        @Column()
        city: string;
      }

      @Entity('users')
      export class User extends Stamped {
        @PrimaryGeneratedColumn()
        id: number;
        @Column({ name: 'first_name' })
        firstName: string;
        @Column('varchar', { name: 'email' })
        email: string;
        @Column(() => Address)
        address: Address;
        @DeleteDateColumn({ name: 'deleted_at' })
        deletedAt: Date;
        @OneToMany(() => Order, (o) => o.user)
        orders: Order[];
      }

      @Entity({ name: 'orders' })
      export class Order {
        @PrimaryGeneratedColumn()
        id: number;
        @Column()
        total: number;
        @ManyToOne(() => User, (u) => u.orders)
        @JoinColumn({ name: 'user_id' })
        user: User;
      }
      """;

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__tables.sql",
            """
            -- expect: ddl users.id, ddl users.first_name, ddl users.email, ddl users.addressCity, ddl users.created_at, ddl users.updated_at, ddl users.deleted_at
            CREATE TABLE users (id serial PRIMARY KEY, first_name text, email text, "addressCity" text, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz);
            -- expect: ddl orders.id, ddl orders.total, ddl orders.user_id
            CREATE TABLE orders (id serial PRIMARY KEY, total int, user_id int);
            """)
        .source("src/entities.ts", ENTITIES);
  }

  @Test
  void positive_repositoryFindOptions() {
    project()
        .source(
            "src/users.ts",
            """
            import { AppDataSource } from './data-source';
            import { User } from './entities';

            const users = AppDataSource.getRepository(User);

            export async function byEmail(email: string) {
              // expect: read users.id, read users.first_name, read users.email
              return users.findOne({ select: ['firstName'], where: { email } });
            }

            export async function all() {
              // expect: read users.id, read users.first_name, read users.email, read users.addressCity, read users.created_at, read users.updated_at, read users.deleted_at
              return AppDataSource.getRepository(User).find();
            }

            export async function withOrders(city: string) {
              // expect: read users.id, read users.first_name, read users.email, read users.addressCity, read users.created_at, read users.updated_at, read users.deleted_at, read orders.id, read orders.total, read orders.user_id
              return users.find({ where: { address: { city } }, relations: ['orders'], order: { createdAt: 'DESC' } });
            }

            export async function count() {
              // expect: read users.*, read users.email
              return users.countBy({ email: 'x' });
            }
            """)
        .doTest();
  }

  @Test
  void positive_repositoryWrites() {
    project()
        .source(
            "src/writes.ts",
            """
            import { DataSource } from 'typeorm';
            import { User, Order } from './entities';

            export async function writes(ds: DataSource, id: number) {
              const repo = ds.getRepository(User);
              // expect: write users.first_name, write users.email
              await repo.insert({ firstName: 'a', email: 'b' });
              // expect: write users.email, write users.updated_at, read users.id
              await repo.update({ id }, { email: 'c' });
              // expect: write users.deleted_at, write users.updated_at, read users.id
              await repo.softDelete(id);
              // expect: write orders.*, read orders.user_id, read users.id
              await ds.manager.delete(Order, { user: { id } });
              // expect: read orders.total, write orders.total, read orders.id
              await ds.manager.increment(Order, { id }, 'total', 1);
            }

            export async function rename(ds: DataSource, id: number) {
              const repo = ds.getRepository(User);
              // expect: read users.id, read users.first_name, read users.email, read users.addressCity, read users.created_at, read users.updated_at, read users.deleted_at
              const user = await repo.findOneBy({ id });
              user.firstName = 'x';
              // expect: write users.first_name, write users.updated_at
              await repo.save(user);
            }
            """)
        .doTest();
  }

  @Test
  void positive_nestInjectedRepositoryAndQueryBuilder() {
    project()
        .source(
            "src/users.service.ts",
            """
            import { Injectable } from '@nestjs/common';
            import { InjectRepository } from '@nestjs/typeorm';
            import { Repository } from 'typeorm';
            import { User } from './entities';

            @Injectable()
            export class UsersService {
              constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

              byName(name: string) {
                // expect: read users.*, read users.first_name, read users.id
                return this.users.exists({ select: ['firstName'], where: { firstName: name } });
              }

              spenders() {
                // expect: read users.email, read orders.total, read orders.user_id, read users.id, read orders.id
                return this.users
                  .createQueryBuilder('u')
                  .select(['u.email', 'o.total'])
                  .innerJoin('u.orders', 'o')
                  .where('o.total > :min AND u.email IS NOT NULL', { min: 10 })
                  .getMany();
              }

              touch(id: number) {
                // expect: write users.email, read users.id
                return this.users.createQueryBuilder().update(User).set({ email: 'x' }).where('id = :id', { id }).execute();
              }

              dynamic(column: string) {
                // expect: read users.id, read users.first_name, read users.email, read users.addressCity, read users.created_at, read users.updated_at, read users.deleted_at, read users.*
                return this.users.createQueryBuilder('u').where(column).getMany();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_rawQueries() {
    project()
        .source(
            "src/raw.ts",
            """
            import { DataSource } from 'typeorm';
            export async function raw(ds: DataSource) {
              // expect: read users.email
              await ds.query('SELECT email FROM users');
              // expect: write orders.total
              await ds.manager.query('UPDATE orders SET total = 0');
            }
            """)
        .doTest();
  }

  @Test
  void negative_lookalikesAreNotTypeOrmCalls() {
    project()
        .source(
            "src/cache.ts",
            """
            import { User } from './entities';
            const cache = new Map<string, User>();
            export function forget(key: string, list: string[], Thing: any) {
              // expect: none
              cache.delete(key);
              // expect: none
              list.find((x) => x === key);
              // expect: none
              Thing.save({ email: 'x' });
            }
            """)
        .doTest();
  }

  private static final String DEFAULT_NAMES =
      """
      import { Entity, Column, PrimaryColumn, ManyToOne, VersionColumn } from 'typeorm';

      export class Money {
        @Column()
        zipCode: string;
      }

      @Entity()
      export class UserProfile {
        @PrimaryColumn()
        id: number;
        @Column()
        displayName: string;
        @Column(() => Money, { prefix: 'bill' })
        billing: Money;
        @ManyToOne(() => Team)
        team: Team;
        @VersionColumn()
        version: number;
      }

      @Entity()
      export class Team {
        @PrimaryColumn()
        id: number;
      }
      """;

  @Test
  void positive_defaultNamingStrategy() {
    ExtractorTestHelper.create()
        .source("src/profile.ts", DEFAULT_NAMES)
        .source(
            "src/profiles.ts",
            """
            import { DataSource } from 'typeorm';
            import { UserProfile } from './profile';
            export async function save(ds: DataSource) {
              // expect: write user_profile.displayname, write user_profile.billzipcode, write user_profile.teamid
              await ds.getRepository(UserProfile).insert({ displayName: 'a', billing: { zipCode: '1' }, team: { id: 1 } });
            }
            """)
        .doTest();
  }

  @Test
  void positive_snakeNamingStrategyFromDataSource() {
    ExtractorTestHelper.create()
        .source("src/profile.ts", DEFAULT_NAMES)
        .source(
            "src/data-source.ts",
            """
            import { DataSource } from 'typeorm';
            import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
            export const AppDataSource = new DataSource({ type: 'postgres', namingStrategy: new SnakeNamingStrategy() });
            """)
        .source(
            "src/profiles.ts",
            """
            import { AppDataSource } from './data-source';
            import { UserProfile } from './profile';
            export async function save() {
              // expect: read user_profile.id, write user_profile.display_name, write user_profile.bill_zip_code, write user_profile.team_id, write user_profile.version
              await AppDataSource.manager.update(UserProfile, 1, { displayName: 'a', billing: { zipCode: '1' }, team: { id: 1 } });
            }
            """)
        .doTest();
  }

  @Test
  void negative_classesWithoutTypeOrmAreNotEntities() {
    ExtractorTestHelper.create()
        .source(
            "src/model.ts",
            """
            function Entity() { return (c: any) => c; }
            @Entity()
            export class Account { name: string; }
            export async function load(db: any) {
              // expect: none
              return Account.find({ where: { name: 'x' } });
            }
            """)
        .doTest();
  }

  @Test
  void positive_queryBuilderJoinsWritesAndInserts() {
    AnalysisResult result =
        project()
            .source(
                "src/builder.ts",
                """
                import { DataSource, Brackets } from 'typeorm';
                import { User, Order } from './entities';

                export async function builder(ds: DataSource) {
                  // expect: read users.id, read users.first_name, read users.email, read users.addressCity, read users.created_at, read users.updated_at, read users.deleted_at, read orders.id, read orders.total, read orders.user_id
                  await ds.getRepository(User).createQueryBuilder('u').leftJoinAndSelect('u.orders', 'o').orderBy('u.createdAt', 'DESC').getMany();
                  // expect: read orders.total, read orders.id, read orders.user_id
                  await ds.createQueryBuilder().select('SUM(o.total)', 'sum').from(Order, 'o').where('o.user_id = :id', { id: 1 }).getRawOne();
                  // expect: write orders.total, write orders.user_id
                  await ds.createQueryBuilder().insert().into(Order).values([{ total: 1, user: { id: 1 } }]).execute();
                  // expect: write users.*, read users.email
                  await ds.createQueryBuilder().delete().from(User).where('email IS NULL').execute();
                  // expect: read users.email, read users.id, read users.*
                  await ds.getRepository(User).createQueryBuilder('u').select(['u.email']).where(new Brackets((qb) => qb.where('u.id = 1'))).getMany();
                }
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().equals("src/builder.ts") && a.inserts())
                .map(a -> a.column().column())
                .sorted()
                .toList())
        .containsExactly("total", "user_id");
  }

  @Test
  void negative_queryBuilderFragmentsOverUnknownAliasesReadNothing() {
    project()
        .source(
            "src/builder.ts",
            """
            import { DataSource } from 'typeorm';
            export async function builder(ds: DataSource) {
              // expect: none
              await ds.createQueryBuilder().select('x.email').from('audit', 'x').where("x.note = 'u.email'").getRawMany();
            }
            """)
        .doTest();
  }

  @Test
  void positive_insertCreatesRowsAndUpdateDoesNot() {
    AnalysisResult result =
        project()
            .source(
                "src/inserts.ts",
                """
                import { DataSource } from 'typeorm';
                import { User } from './entities';
                export async function writes(ds: DataSource) {
                  const users = ds.getRepository(User);
                  // expect: write users.email
                  await users.insert({ email: 'a' });
                  // expect: write users.first_name, write users.updated_at, read users.id
                  await users.update(1, { firstName: 'b' });
                }
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().equals("src/inserts.ts") && a.inserts())
                .map(a -> a.column().column())
                .toList())
        .containsExactly("email");
  }
}
