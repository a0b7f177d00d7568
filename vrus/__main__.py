from vrus.cli import main

raise SystemExit(main())
