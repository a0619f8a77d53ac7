; Inno Setup script: a Windows installer for the JourneyDesk bundle, with the
; .journey file association (double-click opens JourneyDesk), a Start menu
; entry and an uninstaller. NOT TESTED HERE: the project builds and tests on
; Linux only; this follows Inno Setup 6's documentation.
;
; On Windows, from the repository (Python 3.11+ and Inno Setup 6 installed):
;   py -m venv .venv
;   .venv\Scripts\python -m pip install -e ".[bundle]"
;   .venv\Scripts\python -m PyInstaller --noconfirm packaging\journeydesk.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\journeydesk.iss
; (AppVersion: the version in pyproject.toml.) The installer is written to
; dist\JourneyDesk-<version>-setup.exe. It installs for the current user by
; default (no administrator rights), or for everyone if asked.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\journeydesk.iss
#endif
#define Root "..\.."
#define Dist Root + "\dist\journeydesk"
; The spec writes the icons and notices it generates into its work folder.
#define Generated Root + "\build\journeydesk\generated"
#define ProgId "JourneyDesk.Project"

[Setup]
AppId={{B9B7AEA8-1D2A-4424-B391-D78998D7F973}
AppName=JourneyDesk
AppVersion={#AppVersion}
AppVerName=JourneyDesk {#AppVersion}
AppPublisher=The JourneyDesk developers
DefaultDirName={autopf}\JourneyDesk
DefaultGroupName=JourneyDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
LicenseFile={#Root}\LICENSE
OutputDir={#Root}\dist
OutputBaseFilename=JourneyDesk-{#AppVersion}-setup
SetupIconFile={#Generated}\icons\journeydesk.ico
UninstallDisplayIcon={app}\journeydesk.exe
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "{#Generated}\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\JourneyDesk"; Filename: "{app}\journeydesk.exe"
Name: "{autodesktop}\JourneyDesk"; Filename: "{app}\journeydesk.exe"; Tasks: desktopicon

[Registry]
; .journey -> JourneyDesk.Project, opened by journeydesk.exe "FILE".
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.journey"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.journey"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-journeydesk"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.journey\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "JourneyDesk project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\journeydesk.exe,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\journeydesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\journeydesk.exe\SupportedTypes"; ValueType: string; ValueName: ".journey"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\journeydesk.exe"; Description: "{cm:LaunchProgram,JourneyDesk}"; Flags: nowait postinstall skipifsilent
