package org.coachroom.pd.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * ({@code templates/pd/mail/*.txt}) and {@code messages.properties}, in the language of
 * each reader's latest launch. An engine of its own, in text mode, so the pages' HTML
 * engine is left as Boot made it.
 */
@Component
class ReminderMail {

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

	/**
	 * A person's digest of their programs due soon or overdue, in their language.
	 */
	Mail digest(String name, List<Due> due, Locale language) {
		return new Mail(messages.getMessage("pd.mail.digest.subject", null, language),
				render("pd/mail/digest", Map.of("name", name == null ? "" : name, "due", due), language));
	}

	/** HR's digest: counts per program, no names; in the reader's language. */
	Mail hrDigest(List<Count> counts, Locale language) {
		return new Mail(messages.getMessage("pd.mail.hr.subject", null, language),
				render("pd/mail/hr-digest", Map.of("counts", counts), language));
	}

	/**
	 * A date as a reminder in this language writes it ("3 March 2027", "3 de marzo de
	 * 2027").
	 */
	String date(LocalDate day, Locale language) {
		return day
			.format(DateTimeFormatter.ofPattern(messages.getMessage("pd.mail.date-pattern", null, language), language));
	}

	private String render(String template, Map<String, Object> variables, Locale language) {
		return engine.process(template, new Context(language, variables));
	}

}
