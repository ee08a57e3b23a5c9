// The flag table (flag_table.h) as documents: the manual's Markdown tables and the man page.
#pragma once

#include <string>

#include "flag_table.h"

namespace rtcli::cli {

// The Markdown table of `command`'s flags (flag | default | meaning), as doc/guide.md holds it
// between <!-- flags:NAME --> and <!-- /flags:NAME -->.
std::string flags_markdown(Command command);

// rtcli.1 in roff: a section per subcommand, its flags from the table, and the exit codes.
std::string man_page(const std::string& version);

}  // namespace rtcli::cli
