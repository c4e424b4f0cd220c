/**
 * The ledger (台账) in Excel: exporting the case list as a workbook, importing work orders (e.g. a 12345 export)
 * all-or-nothing through the case commands, and the background jobs that run both with progress for the pages.
 */
package org.fengqiao.ledger;
