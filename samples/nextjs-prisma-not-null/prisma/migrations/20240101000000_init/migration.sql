-- expect: ddl customers.id @migration, ddl customers.email @migration, ddl customers.name @migration, ddl customers.source @migration, ddl customers.created_at @migration
CREATE TABLE "customers" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL UNIQUE,
    "name" TEXT,
    "source" TEXT NOT NULL DEFAULT 'signup',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
