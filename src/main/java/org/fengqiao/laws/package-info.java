/**
 * 智库: the law library — law texts imported from Markdown, searched article by article, and the articles most
 * relevant to a dispute (its type's curated laws plus its text), for the case page and for citing.
 */
package org.fengqiao.laws;
