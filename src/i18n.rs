//! Every UI string, in both languages, through one mechanism.
//!
//! Why hand-rolled rather than leptos_i18n: with two locales a match on an enum is the smallest
//! thing that works (no ICU data in the wasm), and a missing translation is a compile error.
//! Content strings (names, descriptions) come from the pack's zh/en fields, not from here.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`, so screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn from_tag(s: &str) -> Option<Lang> {
        match s {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn is_en(self) -> bool {
        self == Lang::En
    }
}

/// Declares the table of UI strings: `K` (an enum), `TEXTS` and `K::text`.
macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A UI string. Add one here with both languages; the compiler finds every use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum K { $($key),* }
        /// Indexed by `K as usize`: a table of data rather than a match keeps the wasm small.
        const TEXTS: &[[&str; 2]] = &[$([$zh, $en]),*];
        impl K {
            /// Every string, for the tests that check both languages are there.
            #[allow(dead_code)]
            pub const ALL: &'static [K] = &[$(K::$key),*];
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                TEXTS[self as usize][lang as usize]
            }
        }
    };
}

texts! {
    AppName => "乔司导览", "Qiaosi Guide";
    Tagline => "乔司街道的文化场馆、健身去处、古海塘和文化节，离线也能用。", "Libraries, fitness spots, the Ancient Seawall and its festival in Qiaosi — on your phone, even offline.";
    SkipToContent => "跳到正文", "Skip to content";
    MainNav => "主导航", "Main navigation";
    TabHome => "首页", "Home";
    TabPlaces => "找地方", "Places";
    TabMap => "地图", "Map";
    TabSeawall => "古海塘", "Seawall";
    TabFestival => "文化节", "Festival";
    TabMe => "我的", "Me";
    Loading => "正在加载内容…", "Loading content…";
    Categories => "分类", "Categories";
    AllCategories => "全部", "All";
    PlacesTitle => "找地方", "Find a place";
    PlacesCount => "个地点", "places";
    PlaceCountOne => "个地点", "place";
    Approximate => "位置为大致范围", "Approximate position";
    ApproxWithin => "大致范围：半径约", "Approximate: within about";
    HoursNotPublished => "暂无开放时间信息", "Hours not found";
    Hours => "开放时间", "Opening hours";
    Address => "地址", "Address";
    AddressNotPublished => "暂无信息", "Not found by this guide";
    Phone => "电话", "Phone";
    PhoneNotPublished => "暂无信息", "Not found by this guide";
    Source => "资料来源", "Sources";
    Checked => "资料日期", "Source date";
    Tags => "标签", "Tags";
    BackToPlaces => "返回地点列表", "Back to places";
    PlaceNotFound => "没有找到这个地点", "We couldn't find this place";
    MapTitle => "地图", "Map";
    RoutesTitle => "古海塘路线", "Ancient Seawall routes";
    Stops => "站", "stops";
    Length => "全长", "Length";
    WalkTime => "步行约", "On foot, about";
    Minutes => "分钟", "min";
    RouteNotFound => "没有找到这条路线", "We couldn't find this route";
    FestivalTitle => "古海塘文化节", "Ancient Seawall Culture Festival";
    Past => "已结束", "Past";
    DateNotPublished => "暂无日期信息", "Date not found";
    TimeNotPublished => "暂无具体时间信息", "Time not found";
    Venue => "地点", "Venue";
    EventNotFound => "没有找到这个活动", "We couldn't find this event";
    Programme => "活动安排", "Programme";
    CheckinTitle => "打卡", "Check-in";
    PassportTitle => "打卡护照", "Stamp passport";
    PassportHint => "查看已收集的印章，或扫码打卡。", "See your stamps, or scan a code to check in.";
    PassportOpen => "打开打卡护照", "Open the stamp passport";
    StaffCheckTitle => "核验打卡护照", "Check a stamp passport";
    ExtrasFailed => "这部分功能没能加载，请联网后重试。没有保存任何内容。", "This part of the guide couldn't be loaded; please connect and try again. Nothing was saved.";
    MeTitle => "我的", "Me";
    Settings => "设置", "Settings";
    Language => "语言", "Language";
    Theme => "外观", "Appearance";
    ThemeSystem => "跟随系统", "System";
    ThemeLight => "浅色", "Light";
    ThemeDark => "深色", "Dark";
    LargeText => "大字模式", "Large text";
    LargeTextHint => "放大所有文字，方便阅读", "Makes all text bigger and easier to read";
    ContentVersion => "内容版本", "Content version";
    ContentGenerated => "内容生成于", "Content generated";
    About => "关于", "About";
    AboutText => "乔司导览只收录有据可查的信息：没有找到出处的地址、开放时间和电话一律不显示，大致位置都会标明。您的位置只在手机上使用，不会上传。", "Qiaosi Guide shows only facts with a source. Addresses, hours and phone numbers this guide hasn't found a source for are left out, and approximate positions are marked. Your position is used on your phone only and never sent anywhere.";
    NotFoundTitle => "页面不存在", "Page not found";
    NotFoundText => "这个链接没有对应的页面。可能是地址输错了，或者内容已经更新。", "There is no page at this address. It may be mistyped, or the content has changed.";
    GoHome => "回到首页", "Back to Home";
    PackErrorTitle => "内容无法加载", "The content couldn't be loaded";
    PackMissing => "服务器上找不到内容包。", "The content pack was not found on the server.";
    PackNetwork => "网络连接失败，且手机上还没有保存的内容。请连接网络后重试。", "The network request failed and nothing is saved on this phone yet. Please connect and try again.";
    PackSyntax => "内容包不完整或格式错误（可能下载中断）。", "The content pack is incomplete or malformed (the download may have been cut off).";
    PackInvalid => "内容包没有通过检查，发现以下问题：", "The content pack failed its checks. Problems found:";
    Retry => "重试", "Try again";
    Reload => "重新加载", "Reload";
    CrashTitle => "出错了", "Something went wrong";
    CrashText => "发生了意外错误。您保存的内容不会丢失，请重新加载。", "An unexpected error occurred. Nothing you saved is lost. Please reload.";
    HomeSeawall => "古海塘路线", "Ancient Seawall routes";
    HomeFestival => "古海塘文化节", "Ancient Seawall Culture Festival";
    HomeFind => "找地方", "Find a place";
    SeeAll => "查看全部", "See all";
    OpenMap => "在地图上看", "See on the map";
    TideNext => "下一个观潮日", "Next Tide-watching Day";
    TideIn => "还有", "in";
    Days => "天", "days";
    TideToday => "就是今天！", "It's today!";
    TideWhy => "农历八月十八是钱塘江观潮日，这一天的涌潮最为壮观。乔司的古海塘，正是先人为抵御这道潮水而筑。", "The 18th day of the 8th lunar month is Tide-watching Day, when the Qiantang River's tidal bore is at its grandest. Qiaosi's Ancient Seawall was built to hold that tide back.";
    NoEdition => "暂无新一届古海塘文化节的信息。", "No details found yet for the next Ancient Seawall Culture Festival.";
    NowOn => "正在进行", "On now";
    UpNext => "接下来", "Up next";
    AddToSchedule => "加入我的日程", "Add to my schedule";
    InSchedule => "已加入我的日程", "In my schedule";
    AddToCalendar => "加入手机日历", "Add to phone calendar";
    MySchedule => "我的日程", "My schedule";
    NoSchedule => "还没有安排。在活动页面点“加入我的日程”即可。", "Nothing planned yet. Tap “Add to my schedule” on an event.";
    Clash => "时间冲突", "Time clash";
    ExportSchedule => "全部加入手机日历", "Add all to phone calendar";
    UndatedNotExported => "没有日期信息的活动不会加入手机日历。", "Events without a date aren't added to the calendar.";
    Search => "搜索地点", "Search places";
    SearchHint => "名称、拼音或首字母，如 tsg", "Name or pinyin, e.g. tsg";
    NoResults => "没有找到相关地点。试试这些分类：", "No places found. Try a category:";
    ShowMore => "显示更多", "Show more";
    NearMe => "离我最近", "Nearest to me";
    Locating => "正在获取位置…", "Finding your position…";
    GeoDenied => "没有获得位置权限。您可以在浏览器设置中开启，列表照常可用。", "Location permission wasn't given. You can allow it in the browser settings; the list works without it.";
    GeoTimeout => "获取位置超时，请到开阔处再试。", "Finding your position took too long; try again somewhere more open.";
    GeoUnavailable => "暂时无法获取位置（可能没有 GPS 信号）。", "Your position isn't available right now (perhaps no GPS signal).";
    GeoUnsupported => "这个浏览器不支持定位。", "This browser can't share your position.";
    LocationPrivacy => "您的位置只在手机上使用，不会上传。", "Your position stays on this phone.";
    About_ => "约", "about";
    Walk => "步行", "walk";
    OpenNow => "开放中", "Open now";
    ClosesAt => "闭馆", "closes";
    ClosedNow => "已闭馆", "Closed";
    OpensAt => "开馆", "opens";
    Open24h => "24 小时开放", "Open 24 hours";
    PublicHolidays => "法定节假日", "Public holidays";
    DayClosed => "闭馆", "Closed";
    CopyAddress => "复制地址", "Copy address";
    Copied => "已复制", "Copied";
    Share => "分享", "Share";
    LinkCopied => "链接已复制", "Link copied";
    OpenIn => "用地图应用打开", "Open in a maps app";
    Amap => "高德地图", "Amap (Gaode)";
    Baidu => "百度地图", "Baidu Maps";
    AppleMaps => "苹果地图", "Apple Maps";
    Offline => "离线", "Offline";
    OfflineHint => "当前没有网络，显示的是手机上保存的内容。", "No network: showing what is saved on this phone.";
    UpdateReady => "有新版本可用。", "A new version is available.";
    UpdateReload => "重新加载", "Reload";
    DbBlocked => "另一个页面还开着本导览的旧版本，请关闭那个页面后重新加载；在此之前，您的更改无法保存。", "Another tab still has an older version of this guide open. Close it and reload; until then, your changes can't be saved.";
    DbOutdated => "本导览已在另一个页面更新，请重新加载本页面；在此之前，您的更改无法保存。", "This guide was updated in another tab. Reload this page; until then, your changes can't be saved.";
    DbNewer => "您的数据是由本导览的较新版本保存的，当前版本无法读取。请重新加载，换用最新版本；在此之前，您的更改无法保存。", "Your data was saved by a newer version of this guide, which this version can't read. Reload to get the latest version; until then, your changes can't be saved.";
    MemoryOnly => "这个浏览器无法在手机上保存数据：关闭页面后，收藏等内容不会保留。", "This browser can't save data on the phone: saved places and anything else you save are lost when the page closes.";
    QuotaFull => "手机存储空间已满，这次的更改没有保存。之前保存的内容都还在。", "The phone's storage is full, so this change was not saved. Everything saved before is still there.";
    SaveFailed => "保存失败，请重试。之前保存的内容都还在。", "Saving failed; please try again. Everything saved before is still there.";
    Dismiss => "知道了", "OK";
    Favourite => "收藏", "Save";
    Favourited => "已收藏", "Saved";
    Favourites => "我的收藏", "My saved places";
    NoFavourites => "还没有收藏。在地点页面点“收藏”即可保存在手机上。", "Nothing saved yet. Tap “Save” on a place to keep it on this phone.";
    Storage => "存储", "Storage";
    StorageUsed => "已使用：", "Used: ";
    StoragePersistent => "已设为持久保存（浏览器不会自动清除）", "Persistent (the browser won't clear it on its own)";
    StorageNotPersistent => "未设为持久保存（空间不足时浏览器可能清除）", "Not persistent (the browser may clear it when space runs low)";
    OfflineReady => "已可离线使用", "Works offline";
    OfflineUnavailable => "这个浏览器不支持离线使用，需要联网打开。", "This browser can't work offline; it needs a network connection.";
    ContentUpdated => "内容更新于", "Content updated";
    ContentChecked => "上次检查更新", "Last checked for updates";
    ContentRefused => "服务器上的新内容没有通过检查，继续使用现有内容。", "New content from the server failed its checks; the current content is kept.";
    Verifying => "正在核验打卡码…", "Checking the code…";
    Stamped => "打卡成功！", "Checked in!";
    AlreadyToday => "今天已经在这里打过卡了，明天再来吧。", "You've already checked in here today. Come back tomorrow!";
    RefusedMalformed => "这不是有效的打卡码，请重新扫描海报上的二维码。", "This isn't a valid check-in code. Please scan the poster's QR code again.";
    RefusedUnknownKey => "这个打卡码不是本导览发布的。", "This code wasn't issued by this guide.";
    RefusedBadSignature => "这个打卡码已被改动或伪造，无法打卡。", "This code has been altered or forged; it can't be used.";
    RefusedUnknownPoint => "当前内容里没有这个打卡点。", "This check-in point isn't in the guide's current content.";
    RefusedNotYet => "这个打卡码尚未生效。", "This code isn't valid yet.";
    RefusedExpired => "这个打卡码已过期。", "This code has expired.";
    RefusedKeyRevoked => "密钥已吊销：这个打卡码的签发密钥已被主办方撤销，无法打卡。", "Key revoked: the key that signed this code was withdrawn by the organisers; it can't be used.";
    RefusedKeyRetired => "这个打卡码的签发密钥已停用，请扫描新海报。已有的印章仍然有效。", "This code's key has been retired; please scan a new poster. Stamps you already have still count.";
    RefusedCodeRevoked => "这个打卡码已被主办方撤销。", "The organisers have withdrawn this code.";
    NothingSaved => "没有保存任何内容。", "Nothing was saved.";
    NeedsLocation => "这个打卡点需要确认您在现场。", "This check-in point needs to check that you're there.";
    ConfirmLocation => "确认位置并打卡", "Confirm my position and check in";
    TooFar => "您离打卡点还有点远，请到现场再试。", "You're not close enough to the check-in point yet; try again on site.";
    Passport => "我的印章", "My stamps";
    ToCollect => "还可以收集：", "Still to collect: ";
    NoStamps => "还没有印章。扫描活动或场馆海报上的二维码即可收集印章。", "No stamps yet. Scan the QR code on an event or venue poster to collect one.";
    StampsOf => "已收集", "Collected";
    OtherPlaces => "其他地点", "Other places";
    Rewards => "奖励", "Rewards";
    RewardReady => "已集齐，可以领取！", "All collected: you can claim it!";
    ShowStaff => "出示给工作人员", "Show to staff";
    HideStaff => "收起", "Hide";
    StaffHint => "请工作人员扫描这个二维码核验您的印章；您也可以把下面的文字发给工作人员。", "Staff can scan this QR code to check your stamps, or you can send them the text below.";
    CopyText => "复制文字", "Copy the text";
    MapShowAll => "显示全部地点", "Show all places";
    Scan => "扫码打卡", "Scan to check in";
    ScanStop => "停止扫描", "Stop scanning";
    ScanAim => "请把海报上的二维码对准取景框。", "Point the camera at the poster's QR code.";
    ScanNoCamera => "无法使用相机（可能未获授权）。您也可以用微信或手机相机扫描海报。", "The camera isn't available (permission may have been refused). You can also scan the poster with WeChat or the phone's camera.";
    ScanNotOurs => "这个二维码不是本导览的打卡码。", "This QR code isn't one of this guide's check-in codes.";
    StaffTitle => "核验打卡护照", "Check a stamp passport";
    StaffPaste => "粘贴打卡护照文字，或扫描游客出示的二维码。", "Paste the passport text, or scan the QR code the visitor shows.";
    StaffCheck => "核验", "Check";
    StaffScan => "扫描打卡护照", "Scan a stamp passport";
    StaffGenuine => "枚真实有效的印章", "genuine stamps";
    StaffAllGood => "打卡护照核验通过。", "The stamp passport checks out.";
    StaffStampBad => "这个印章未通过核验", "This stamp failed the check";
    StaffKeyRevoked => "密钥已吊销：签发这个印章的密钥已被主办方撤销", "Key revoked: the organisers withdrew the key that signed this stamp";
    StaffCodeRevoked => "打卡码已撤销：这张海报的打卡码已被主办方撤销", "Code revoked: the organisers withdrew this poster's code";
    StaffAltered => "无法核验：这不是有效的打卡护照，或者已被改动、损坏。", "This does not check out: it is not a valid stamp passport, or it has been altered or damaged.";
    StaffEmpty => "请先粘贴打卡护照文字，或扫描游客出示的二维码。", "Paste the passport text first, or scan the visitor's QR code.";
    MapApprox => "位置为大致范围，半径约", "Approximate position, within about";
    MapPlacesHere => "这里的地点", "Places here";
    MapClose => "关闭", "Close";
    MapZoomIn => "放大", "Zoom in";
    MapZoomOut => "缩小", "Zoom out";
    MapAll => "全部", "All";
    MapFilter => "按分类筛选", "Filter by category";
    MapWhereAmI => "我在哪里", "Where am I?";
    MapLocating => "正在获取位置…", "Finding your position…";
    MapNote => "圆圈表示大致范围，不是准确位置。底图按您查看的区域从网络加载（来源见地图右下角），看过的区域离线也能显示；没有底图时地点照样显示。地图不会自动移到您的位置。", "Circles show an approximate area, not an exact spot. Base tiles are loaded from the network for the area you look at (source at the bottom right of the map); areas you have seen stay available offline, and places draw even without tiles. The map never moves to your position by itself.";
    MapUnplaced => "部分地点暂无位置信息，未在地图上标注。", "Some places have no known position and are not on the map.";
    MapSeeAllPlaces => "查看全部地点", "See all places";
    MapMeOutside => "您的位置在当前地图范围之外。", "Your position is outside the part of the map shown.";
    MapShowMe => "移到我的位置（会从网络加载那里的底图）", "Go to my position (loads the map tiles there from the network)";
    FollowRestartConfirm => "清除这条路线的进度，从头开始？", "Clear your progress on this route and start over?";
    GeoDeniedShort => "没有获得位置权限，您可以在浏览器设置中开启。", "Location permission was not given; you can allow it in the browser settings.";
    PathApproximate => "地图上的路线仅为示意，请以现场道路和指示为准。", "The route on the map is approximate; follow the roads and signs on site.";
    GpxDownload => "下载 GPX 轨迹", "Download GPX track";
    FollowTitle => "跟随路线", "Follow the route";
    FollowStart => "开始跟随（使用定位）", "Start following (uses your position)";
    FollowStop => "停止跟随", "Stop following";
    FollowRestart => "从头开始", "Start over";
    FollowDone => "已走", "walked";
    FollowLeft => "还剩", "to go";
    FollowNext => "下一站", "Next stop";
    FollowToward => "朝", "heading ";
    FollowOffRoute => "您已偏离路线，请回到路线上。", "You have left the route; head back to it.";
    FollowArrived => "已到达", "You have reached";
    FollowContinue => "继续", "Continue";
    FollowStillReadable => "路线和各站介绍仍可照常阅读。", "The route and its stops can still be read as usual.";
    CheckedOn => "核实日期", "Checked on";
    Basis => "信息依据", "How this is known";
    NoPositionNote => "暂无准确位置，地图上不标注。", "No exact position found, so it is not marked on the map.";
    FollowByStops => "这条路线没有可靠的路线图，将逐站为您指引，不显示距离。", "This route has no reliable line to follow, so you are guided stop by stop, without distances.";
    FollowAtStop => "我已到这一站", "I'm at this stop";
    FestivalHistory => "最近一次找到的是：", "The most recent edition found:";
    CheckinInactive => "目前没有开放的打卡点。主办方张贴打卡海报后，您可以在这里扫码打卡。", "No check-in points are open at the moment. When the organisers put up check-in posters, you can scan them here.";
    TideWhere => "附近常见的观潮点：七堡（丁字坝，可看回头潮）、下沙大桥（“一”字潮），以及更远的海宁盐官。", "Nearby places to watch the tide: Qibao (Dingzi Dam, for the returning tide), Xiasha Bridge (the straight-line tide) and, further away, Yanguan in Haining.";
    SurveyTitle => "实地记录", "Survey";
    SurveyElsewhere => "实地记录只在工作人员版本中提供，请使用管理人员给您的地址打开。", "Survey mode is in the staff version of the guide only: open it at the address the editors gave you.";
    SurveyIntro => "供工作人员使用：记录保存在本机，导出后由管理人员合并、核对并发布。记录不会改变本机显示的内容。", "For staff: records stay on this phone until exported; an editor merges, checks and publishes them. Recording never changes what the guide shows.";
    SurveyorName => "记录人姓名", "Your name";
    SurveyNeedsName => "请先填写记录人姓名。", "Enter your name first.";
    SurveyNeedsNewName => "请填写编号和中文名称。", "Enter an id and a Chinese name.";
    SurveyPlaceTitle => "记录地点", "Record a place";
    SurveyWhichPlace => "地点", "Place";
    SurveyNewPlace => "新地点", "New place";
    SurveyNewPoint => "新的站点", "New point";
    SurveyNewId => "编号（小写字母、数字和 -）", "Id (lowercase letters, digits and -)";
    SurveyNameZh => "中文名称", "Chinese name";
    SurveyNameEn => "英文名称", "English name";
    SurveyCategory => "分类", "Category";
    SurveyRecordPosition => "在门口记录位置", "Record the position at the door";
    SurveyFixes => "次定位", "fixes";
    SurveyAccuracyNow => "当前精度", "accuracy now";
    SurveyAccept => "就用目前的精度", "Use the accuracy so far";
    SurveyPositionTaken => "已记录位置", "Position recorded";
    SurveyPhoneAs => "将记为", "Will be saved as";
    SurveyAddressZh => "地址（中文）", "Address (Chinese)";
    SurveyAddressEn => "地址（英文）", "Address (English)";
    SurveyEntrance => "入口说明", "How to find the entrance";
    SurveyStepFree => "无台阶通行", "Step-free entrance";
    SurveyLift => "电梯", "Lift";
    SurveyUnknown => "不确定", "Don't know";
    SurveyYes => "有", "Yes";
    SurveyNo => "没有", "No";
    SurveyNote => "备注（给编辑看，不发布）", "Note for the editors (not published)";
    SurveySavePlace => "保存到本机", "Save on this phone";
    SurveySaved => "已保存：", "Saved:";
    SurveyWalkTitle => "走一遍，记录路线", "Record a route by walking it";
    SurveyRouteId => "路线编号", "Route id";
    SurveyStartWalk => "开始记录", "Start recording";
    SurveyPause => "暂停", "Pause";
    SurveyResume => "继续记录", "Resume";
    SurveyPaused => "已暂停", "paused";
    SurveyMarkStop => "在这里标记一站", "Mark a stop here";
    SurveyStoryZh => "这一站的介绍（中文）", "About this stop (Chinese)";
    SurveyStoryEn => "这一站的介绍（英文）", "About this stop (English)";
    SurveyMarkHere => "标记这一站", "Mark this stop";
    SurveyStopWalk => "结束记录", "Finish the route";
    SurveyExportTitle => "导出", "Export";
    SurveyPlacesRecorded => "个地点", "places";
    SurveyRoutesRecorded => "条路线", "routes";
    SurveyExportHint => "导出的补丁文件交给内容编辑，用 qiaosi merge 合并进内容包。", "Give the patch file to the content editor, who merges it into the pack with qiaosi merge.";
    SurveyDownload => "下载补丁文件", "Download the patch";
    SurveyHoursForm => "开放时间", "Opening hours";
    SurveyHoursHint => "每天填开馆和闭馆时间，有午休就填下午的两格；整天不填即为闭馆。", "Fill in each day's opening and closing times, and the afternoon's if there is a lunch break; leave a day empty if it is closed.";
    SurveyOpens => "开馆", "Opens";
    SurveyCloses => "闭馆", "Closes";
    SurveyOpensAgain => "下午开馆", "Reopens";
    SurveyClosesAgain => "下午闭馆", "Closes again";
    SurveyPhClosed => "法定节假日闭馆", "Closed on public holidays";
    SurveyClosedDates => "另外闭馆的日期（如除夕，用逗号分隔）", "Other closed dates (e.g. Spring Festival Eve, comma-separated)";
    SurveyFillHours => "生成开放时间", "Write the hours";
    Access => "无障碍", "Access";
    AccessStepFree => "无台阶入口：", "Step-free entrance: ";
    AccessLift => "电梯：", "Lift: ";
    StopOne => "站", "stop";
    DayOne => "天", "day";
    TideSafety => "外出观潮请远离堤坝，注意安全。", "If you go to watch the tide, keep well back from the embankment.";
    SyncTo => "您在本活动的打卡（打卡点、时间和打卡码，不含位置）也会发送到：", "At this event, your check-ins (the point, the time and the code; not your position) are also sent to ";
    SyncRefusedTitle => "服务器未接收的打卡", "Check-ins the server refused";
    SyncRefusedBy => "服务器的答复：", "The server said: ";
    SyncRefusedKept => "印章仍保存在您的手机上。移除只会删去这条未发送的记录。", "Your stamps stay on this phone. Removing only clears the unsent record.";
    SyncRemove => "移除", "Remove";
    StaffGenuineOne => "枚真实有效的印章", "genuine stamp";
    StaffReward => "核验奖励", "Reward to check";
    RewardEarned => "符合领取条件", "Earned";
    RewardNotEarned => "尚不符合领取条件", "Not earned";
    RewardDistinct => "个不同的打卡点", "distinct points";
    WhyFuture => "不计入：打卡时间比本机时钟晚 10 分钟以上", "Does not count: dated more than 10 minutes after this phone's clock";
    WhyOutside => "不计入：不在本奖励的活动日期内", "Does not count: outside the reward's dates";
    WhyNotListed => "不计入：这个打卡点不属于本奖励", "Does not count: this point is not part of the reward";
    WhyNeedsDesk => "不计入：本奖励需要工作人员现场出示的动态打卡码，海报印章不算", "Does not count: the reward needs a desk stamp (a code shown by staff on the spot), not a poster stamp";
    WhySamePoint => "不计入：这个打卡点已经算过一次（每个点只算一次）", "Does not count: this point already counted (each point counts once)";
    PosterProves => "海报印章只证明打卡码是真的，不能证明本人到过现场。", "A poster stamp proves the code was genuine, not that the person was there.";
}

/// The current language, shared through context.
///
/// The whole UI is rebuilt when the language changes (see `app.rs`), so strings are read once,
/// untracked, and rendered as plain text: one reactive closure per string would cost the wasm
/// several hundred bytes each, for a switch people make once.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// A UI string in the current language.
    pub fn t(self, k: K) -> &'static str {
        k.text(self.lang.get_untracked())
    }
    pub fn en(self) -> bool {
        self.lang.get_untracked().is_en()
    }
    /// After a label: "：" in Chinese (full width, no space), ": " in English.
    pub fn colon(self) -> &'static str {
        if self.en() {
            ": "
        } else {
            "："
        }
    }
    /// Between clauses: "，" or ", ".
    pub fn comma(self) -> &'static str {
        if self.en() {
            ", "
        } else {
            "，"
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        check_table(
            K::ALL
                .iter()
                .map(|k| (format!("{k:?}"), k.text(Lang::Zh), k.text(Lang::En))),
        );
    }

    /// Both languages present, Chinese with Chinese in it, English without: shared with the
    /// extras bundle's table.
    pub(crate) fn check_table<'a>(rows: impl Iterator<Item = (String, &'a str, &'a str)>) {
        for (k, zh, en) in rows {
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
            // A Chinese string with no Chinese in it is almost certainly an untranslated copy.
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{k:?}: {zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{k:?}: {en}"
            );
        }
    }

    /// The house style: 您 not 你 (many users are elderly), 开放中 / 已闭馆 for venues, and
    /// "not found" rather than "not announced" for what this guide has no source for.
    #[test]
    fn strings_follow_the_house_style() {
        for k in K::ALL {
            let (zh, en) = (k.text(Lang::Zh), k.text(Lang::En));
            for bad in ["你", "营业中", "关门", "尚未公布"] {
                assert!(!zh.contains(bad), "{k:?}: {zh:?} contains {bad}");
            }
            let en = en.to_lowercase();
            for bad in ["not announced", "not been announced"] {
                assert!(!en.contains(bad), "{k:?}: {en:?} contains {bad:?}");
            }
        }
    }

    #[test]
    fn language_tags_round_trip() {
        for l in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
