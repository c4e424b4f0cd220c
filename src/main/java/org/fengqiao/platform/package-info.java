/**
 * Shared infrastructure every capability stands on: the database (embedded or external), the clock, the
 * scheduler that runs every module's recurring tasks, answers cached until the data changes, error responses as
 * problem details, and input hygiene and personal-data helpers (ID number checks, masking).
 */
package org.fengqiao.platform;
