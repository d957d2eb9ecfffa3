-- Expand: add "handle" next to "username"; readers and writers move over before username is dropped.
-- expect: none
ALTER TABLE profiles ADD COLUMN handle text;
