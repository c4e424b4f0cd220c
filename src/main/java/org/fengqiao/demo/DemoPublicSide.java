package org.fengqiao.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.fengqiao.open311.Open311Clients;

/**
 * The demo's public side, after the demo county ({@link DemoData}): the Open311 client of the city's 12345
 * platform with the key {@value #OPEN311_KEY} (README), and published items on the public response board.
 * Each part is left alone when it is there already.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "fengqiao.demo.enabled", havingValue = "true")
class DemoPublicSide implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPublicSide.class);

    /** The demo client's API key (a demo value, printed in README; never use it in production). */
    static final String OPEN311_KEY = "demo-open311-key";

    private final DemoData demo;
    private final Open311Clients clients;
    private final DemoBoard board;

    DemoPublicSide(DemoData demo, Open311Clients clients, DemoBoard board) {
        this.demo = demo;
        this.clients = clients;
        this.board = board;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.load();
        clients.ensure("诸暨市 12345 平台（演示）", "county.dispatcher", OPEN311_KEY);
        int published = board.load();
        log.info("Demo public side: Open311 client with key {}; {} board items published", OPEN311_KEY, published);
    }
}
