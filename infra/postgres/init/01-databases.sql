-- Creates the services' databases. Mounted into the postgres container at
-- /docker-entrypoint-initdb.d (see docker-compose.yml), which runs it once, with psql, as
-- POSTGRES_USER, when the data volume is first initialised. Idempotent anyway (\gexec only
-- runs the CREATE when the database is missing), so it can also be run by hand:
--   psql -h 127.0.0.1 -U postgres -f infra/postgres/init/01-databases.sql
-- Keep in sync with DEFAULT_DATABASES in ../create-databases.sh.

SELECT 'CREATE DATABASE hardship_cases'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'hardship_cases')\gexec

SELECT 'CREATE DATABASE education_grants'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'education_grants')\gexec

SELECT 'CREATE DATABASE medical_aid'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'medical_aid')\gexec

SELECT 'CREATE DATABASE organisation'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'organisation')\gexec
