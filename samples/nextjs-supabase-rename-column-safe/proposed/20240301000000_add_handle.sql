-- Expand: add "handle" next to "username"; readers and writers move over before username is dropped.
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE profiles ADD COLUMN handle text;
