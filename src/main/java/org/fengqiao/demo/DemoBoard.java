package org.fengqiao.demo;

import org.springframework.stereotype.Component;

/** Published items of the public response board (filled in with the board). */
@Component
class DemoBoard {

    int load() {
        return 0;
    }
}
