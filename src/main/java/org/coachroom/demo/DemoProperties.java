package org.coachroom.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo district ({@code coachroom.demo.*}).
 *
 * @param enabled whether the demo district and its LMS run (the demo profile turns it
 * on); start-up refuses it with a database Coachroom did not start itself. Read by the
 * demo's conditions
 */
@ConfigurationProperties("coachroom.demo")
record DemoProperties(boolean enabled) {
}
