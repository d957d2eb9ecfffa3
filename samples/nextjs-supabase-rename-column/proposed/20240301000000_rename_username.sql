-- "username" becomes "handle", renamed in place. Proposed while every reader still says username.
SET lock_timeout = '5s';
-- expect: finding rename-column-still-referenced ~ "profiles.username"
ALTER TABLE profiles RENAME COLUMN username TO handle;
