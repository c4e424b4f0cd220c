package org.fengqiao.access;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;

/**
 * Fresh staff accounts for the account tests (not demo accounts, so no demo exemption), and fresh client
 * addresses so that each test's throttling counters are its own.
 */
final class Accounts {

    static final String PASSWORD = "Qiaoxin#Road7";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 50_000));

    private Accounts() {
    }

    /** A new user who has already changed their initial password. */
    static StaffUser aUser(Staff staff, Units units, JdbcClient jdbc, Role... roles) {
        StaffUser user = anUntouchedUser(staff, units, roles);
        jdbc.sql("update staff_user set must_change_password = false where id = ?").param(user.id()).update();
        return user;
    }

    /** A new user still holding the initial password an administrator gave them. */
    static StaffUser anUntouchedUser(Staff staff, Units units, Role... roles) {
        return staff.create("acct.t" + NEXT.incrementAndGet(), "测试用户", PASSWORD,
                units.findByCode("FQ-SFS").orElseThrow().id(), Set.of(roles), null);
    }

    /** A client address from the documentation range, different each call. */
    static String anAddress() {
        int n = NEXT.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
