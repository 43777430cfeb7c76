package org.coachroom.pd.reminder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The reminder e-mails' subjects and bodies, from Thymeleaf text templates
 * ({@code templates/pd/mail/*.txt}) and {@code messages.properties}. An engine of its
 * own, in text mode, so the pages' HTML engine is left as Boot made it.
 */
@Component
class ReminderMail {

	/** Reminders are written in English, as the pages are first. */
	private static final Locale LOCALE = Locale.ENGLISH;

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	ReminderMail(MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
		this.engine.setTemplateEngineMessageSource(messages);
		this.messages = messages;
	}

	/** An e-mail as it is sent and kept. */
	record Mail(String subject, String body) {
	}

	/** A program due soon or overdue, its date as the mail writes it. */
	record Due(String title, String on, boolean overdue) {
	}

	/** How many people are overdue and due soon in a program. */
	record Count(String title, int overdue, int soon) {
	}

	/** A person's digest of their programs due soon or overdue. */
	Mail digest(String name, List<Due> due) {
		return new Mail(messages.getMessage("pd.mail.digest.subject", null, LOCALE),
				render("pd/mail/digest", Map.of("name", name == null ? "" : name, "due", due)));
	}

	/** HR's digest: counts per program, no names. */
	Mail hrDigest(List<Count> counts) {
		return new Mail(messages.getMessage("pd.mail.hr.subject", null, LOCALE),
				render("pd/mail/hr-digest", Map.of("counts", counts)));
	}

	private String render(String template, Map<String, Object> variables) {
		return engine.process(template, new Context(LOCALE, variables));
	}

}
