package org.fengqiao.categories;

/**
 * A node of the request taxonomy. Codes are positional (2, 4 or 7 digits), so a category's subtree shares
 * its code as prefix.
 *
 * @param path the names from level 1 down, joined with " / "
 */
public record Category(String code, String name, int level, String parentCode, String path, boolean active) {
}
