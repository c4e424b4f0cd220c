/**
 * 矛盾纠纷排查: every village (or grid) reports on a rhythm the disputes it found, or a zero report; the township
 * sees who has not reported and chases; a screened item becomes a case in one action; the screening ledger.
 */
package org.fengqiao.screening;
