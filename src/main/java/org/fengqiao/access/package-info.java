/**
 * Who is calling and what they may reach: staff authentication (API tokens, page sessions) and the
 * jurisdiction that scopes every case query.
 */
package org.fengqiao.access;
