/**
 * Personal data encrypted at rest: SM4-GCM with versioned keys kept outside the database, and keyed SM3 hashes
 * (HMAC-SM3) to find equal values without storing them in clear.
 */
package org.fengqiao.crypto;
