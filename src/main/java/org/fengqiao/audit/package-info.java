/**
 * The audit trail of access to personal data: every reveal of a party's details and every export is
 * recorded, immutably, with who, when and what.
 */
package org.fengqiao.audit;
