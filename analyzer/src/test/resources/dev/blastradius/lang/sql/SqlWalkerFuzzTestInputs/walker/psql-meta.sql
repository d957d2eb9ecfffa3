\set ON_ERROR_STOP on
\connect app
SELECT 1;
  \i other.sql
SELECT :name, :'quoted';
