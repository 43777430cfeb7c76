/**
 * Value types, the web layout, error pages and database plumbing that every module
 * shares. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.coachroom.shared;
