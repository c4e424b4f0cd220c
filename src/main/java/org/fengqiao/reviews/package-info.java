/**
 * 研判会商: each centre's review meetings on their cadence (村每日一碰头、乡每周一会商、县每月一研判), the agenda
 * generated from the data, the meeting record whose decisions act on cases through their lifecycle, follow-up
 * tasks carried onto the next agenda, the minutes, the agenda ledger and the county's monthly review report.
 */
package org.fengqiao.reviews;
