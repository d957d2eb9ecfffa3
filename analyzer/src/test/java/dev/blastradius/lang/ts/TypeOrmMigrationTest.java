package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** TypeORM migration classes replayed into the catalog, in timestamp order. */
class TypeOrmMigrationTest {

  @Test
  void positive_queryRunnerSqlReplaysInTimestampOrderAndFeedsEntities() {
    ExtractorTestHelper.create()
        .source(
            "src/migrations/1700000000002-SplitName.ts",
            """
            import { MigrationInterface, QueryRunner } from 'typeorm';
            export class SplitName1700000000002 implements MigrationInterface {
              public async up(queryRunner: QueryRunner): Promise<void> {
                // expect: ddl users.first_name @migration
                await queryRunner.query(`ALTER TABLE "users" ADD "first_name" text`);
              }
              public async down(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "first_name"`);
              }
            }
            """)
        .source(
            "src/migrations/1700000000001-CreateUsers.ts",
            """
            import { MigrationInterface, QueryRunner } from 'typeorm';
            export class CreateUsers1700000000001 implements MigrationInterface {
              async up(queryRunner: QueryRunner) {
                // expect: ddl users.id @migration, ddl users.email @migration
                await queryRunner.query('CREATE TABLE "users" ("id" SERIAL PRIMARY KEY, "email" text)');
              }
              async down() {}
            }
            """)
        .source(
            "src/user.ts",
            """
            import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
            @Entity('users')
            export class User {
              @PrimaryGeneratedColumn() id: number;
              @Column({ name: 'first_name' }) firstName: string;
              @Column() email: string;
            }
            export async function all(ds: any) {
              // expect: read users.id, read users.first_name, read users.email
              return ds.getRepository(User).find();
            }
            """)
        .doTest();
  }

  @Test
  void negative_dynamicSqlAndSchemaCallsAreProblemsNotSilence() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "migrations/1700000000003-Dynamic.ts",
                """
                import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
                export class Dynamic1700000000003 implements MigrationInterface {
                  async up(queryRunner: QueryRunner) {
                    const table = process.env.T;
                    // expect: none
                    await queryRunner.query(`ALTER TABLE ${table} ADD x int`);
                    // expect: none
                    await queryRunner.addColumn('users', new TableColumn({ name: 'x', type: 'int' }));
                  }
                  async down() {}
                }
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(p -> p.cause())
        .anySatisfy(c -> assertThat(c).contains("not a constant string"))
        .anySatisfy(c -> assertThat(c).contains("queryRunner.addColumn is not replayed"));
  }

  @Test
  void positive_proposedMigrationIsChecked() {
    RuleTestHelper.forRule("drop-column-still-read")
        .source(
            "src/migrations/1700000000001-CreateUsers.ts",
            """
            import { MigrationInterface, QueryRunner } from 'typeorm';
            export class CreateUsers1700000000001 implements MigrationInterface {
              async up(queryRunner: QueryRunner) {
                await queryRunner.query('CREATE TABLE "users" ("id" SERIAL PRIMARY KEY, "email" text)');
              }
              async down() {}
            }
            """)
        .source(
            "src/user.ts",
            """
            import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
            @Entity('users')
            export class User {
              @PrimaryGeneratedColumn() id: number;
              @Column() email: string;
            }
            export async function byEmail(ds: any, email: string) {
              // expect: related drop-column-still-read
              return ds.getRepository(User).findOne({ select: ['id'], where: { email } });
            }
            """)
        .proposedAt(
            "src/migrations/1700000000002-DropEmail.ts",
            """
            import { MigrationInterface, QueryRunner } from 'typeorm';
            export class DropEmail1700000000002 implements MigrationInterface {
              async up(queryRunner: QueryRunner) {
                // expect: finding drop-column-still-read ~ "users.email"
                await queryRunner.query('ALTER TABLE "users" DROP COLUMN "email"');
              }
              async down() {}
            }
            """)
        .doTest();
  }
}
