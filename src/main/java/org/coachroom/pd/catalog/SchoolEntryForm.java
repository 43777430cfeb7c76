package org.coachroom.pd.catalog;

import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;

/**
 * A school as a district admin adds it: its name and level. Whether the name is given,
 * short enough and free, and the level given, is the rule of {@link Schools#add}, which
 * the admin check comes before; a level no page offers binds as none and is refused there
 * as none.
 */
record SchoolEntryForm(String name, SchoolLevel level) {
}
