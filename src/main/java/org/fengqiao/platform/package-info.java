/**
 * Shared infrastructure every capability stands on: the database (embedded or external), the clock,
 * error responses as problem details, and input hygiene.
 */
package org.fengqiao.platform;
