-- Passwords (issue 26): the owner can reset a member's password. A reset is a one-time link
-- like an invitation, for an account that exists: following it sets a new password, ends the
-- member's sessions and forgets the browsers they signed in on. The member's sessions end
-- when the owner makes the link, too.
ALTER TABLE staff_invites ADD COLUMN reset INTEGER NOT NULL DEFAULT 0 CHECK (reset IN (0, 1));
