/**
 * Internal to cases: probable duplicates of a case (疑似重复) among the open cases the caller may reach, found
 * through the in-memory index of open cases' telling words and through shared parties.
 */
package org.fengqiao.cases.duplicates;
