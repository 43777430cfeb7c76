package org.coachroom.pd.tracking;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words of people's names, as {@code pd_name_word} keeps them (pd's own copy of what
 * the lti module knows): HR's view and the mentor search find people by the words they
 * type.
 */
@Component
public class NameWords {

	private final JdbcClient jdbc;

	NameWords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	/**
	 * The words of a name or a search, as {@code pd_name_word} holds them: at most 10 of
	 * 100 characters.
	 */
	public static List<String> words(String text) {
		return WORD.matcher(text == null ? "" : text)
			.results()
			.map(m -> m.group().length() > 100 ? m.group().substring(0, 100) : m.group())
			.map(w -> w.toLowerCase(Locale.ROOT))
			.distinct()
			.limit(10)
			.toList();
	}

	/** A LIKE pattern (escape character !) for words starting with this one. */
	public static String startsWith(String word) {
		return word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	void keep(long tenantId, long userRef, String name) {
		Set<String> wanted = new TreeSet<>(words(name));
		Set<String> held = new TreeSet<>(jdbc.sql("SELECT word FROM pd_name_word WHERE tenant_id = ? AND user_ref = ?")
			.params(tenantId, userRef)
			.query(String.class)
			.list());
		if (held.equals(wanted)) {
			return;
		}
		jdbc.sql("DELETE FROM pd_name_word WHERE tenant_id = ? AND user_ref = ?").params(tenantId, userRef).update();
		for (String word : wanted) {
			jdbc.sql("INSERT IGNORE INTO pd_name_word (tenant_id, word, user_ref) VALUES (?, ?, ?)")
				.params(tenantId, word, userRef)
				.update();
		}
	}

}
