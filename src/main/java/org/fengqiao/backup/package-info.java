/**
 * Backups of the platform's database (attachments included, personal data as encrypted at rest) to one file,
 * with the data key's fingerprint but never the key, and their restore.
 */
package org.fengqiao.backup;
