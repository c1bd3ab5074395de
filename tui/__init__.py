"""sitroom's Textual dashboard and command line. The only part of sitroom that imports Textual."""
