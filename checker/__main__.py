from checker.commands.entry import main

main()
