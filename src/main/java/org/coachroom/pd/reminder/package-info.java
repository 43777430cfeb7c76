/**
 * The weekly reminder e-mails (Thymeleaf text templates) and the reminders a person was
 * sent.
 */
package org.coachroom.pd.reminder;
