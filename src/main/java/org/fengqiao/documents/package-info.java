/** 文书与卷宗: a case's documents as .docx, signatures given at the table, and the archived case file as PDF. */
package org.fengqiao.documents;
